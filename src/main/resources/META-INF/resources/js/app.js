/*
 * Meldcodetour: progressive enhancement. Every page works without this file (plain links and forms); with it:
 *  - a form that is being sent cannot be sent twice by a second click (the server would ignore it anyway);
 *  - after a failed submit, the error summary gets the focus, so keyboard and screen reader users start there;
 *  - a quiz saves its answers as a draft a few seconds after they change (POST {form's data-autosave}, the same form
 *    fields and CSRF token), so they survive a closed tab or an ended login session; leaving a quiz with answers that
 *    are neither saved nor handed in asks for confirmation; a quiz page that Back restores from the browser's cache is
 *    loaded again, so a quiz handed in meanwhile shows its result.
 * Loaded with defer from /js/app.js (the Content-Security-Policy allows no inline script).
 */
(function () {
  'use strict';

  document.querySelectorAll('form[method="post"]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.sending === 'true') {
        event.preventDefault();
        return;
      }
      form.dataset.sending = 'true';
      form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.setAttribute('aria-disabled', 'true');
      });
    });
  });
  // back button: the page comes from the cache with the form still marked as sending
  window.addEventListener('pageshow', function (event) {
    // a quiz restored from the back/forward cache may have been handed in meanwhile: ask the server again (an attempt
    // that was handed in redirects to its result)
    if (event.persisted && document.querySelector('form.quiz')) {
      window.location.reload();
      return;
    }
    if (event.persisted) {
      document.querySelectorAll('form[data-sending]').forEach(function (form) {
        delete form.dataset.sending;
        form.querySelectorAll('[aria-disabled]').forEach(function (b) { b.removeAttribute('aria-disabled'); });
      });
    }
  });

  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  var quiz = document.querySelector('form.quiz');
  if (quiz) {
    var changed = false; // answers neither saved nor handed in
    var timer = null;
    var saving = false;
    var status = quiz.querySelector('.autosave');
    var save = function (leaving) {
      timer = null;
      if (!changed || !quiz.dataset.autosave || quiz.dataset.sending === 'true') {
        return;
      }
      if (saving) {
        timer = window.setTimeout(save, 1000);
        return;
      }
      var data = new URLSearchParams(new FormData(quiz));
      changed = false;
      saving = true;
      // no redirect is followed: 204 is saved; anything else (login ended, handed in elsewhere) is not
      window.fetch(quiz.dataset.autosave, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual',
        keepalive: leaving === true })
        .then(function (response) {
          if (response.status === 204) {
            if (status) {
              status.textContent = 'Je antwoorden zijn automatisch bewaard om '
                + new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' }) + '.';
            }
          } else {
            changed = true;
          }
        }, function () { changed = true; })
        .then(function () { saving = false; });
    };
    quiz.addEventListener('change', function () {
      changed = true;
      if (!timer) {
        timer = window.setTimeout(save, 5000);
      }
    });
    quiz.addEventListener('submit', function () {
      changed = false;
      if (timer) {
        window.clearTimeout(timer);
        timer = null;
      }
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        save(true);
      }
    });
    window.addEventListener('beforeunload', function (event) {
      if (changed) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  document.documentElement.dataset.enhanced = 'true';
}());
