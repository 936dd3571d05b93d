"""The browser pages: graph explorer, Cypher console and entity pages (see `viz.pages.install`)."""
