package nl.meldcodetour.content;

/** One page of a module: its title (the Markdown's first heading) and the rendered, escaped HTML. */
public record Page(String file, String title, String html, String plainText) {
}
