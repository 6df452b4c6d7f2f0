/*
 * Meldcodetour: progressive enhancement. Every page works without this file (plain links and forms); with it:
 *  - a form that is being sent cannot be sent twice by a second click (the server would ignore it anyway);
 *  - after a failed submit, the error summary gets the focus, so keyboard and screen reader users start there;
 *  - leaving a quiz with answers that were not handed in asks for confirmation.
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
    var changed = false;
    quiz.addEventListener('change', function () { changed = true; });
    quiz.addEventListener('submit', function () { changed = false; });
    window.addEventListener('beforeunload', function (event) {
      if (changed) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  document.documentElement.dataset.enhanced = 'true';
}());
