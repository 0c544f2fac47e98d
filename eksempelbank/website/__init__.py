"""Making the site from checked examples: pages, lists, «Finn eksempel», the search index, open data,
the form page, the Content-Security-Policy, and what must be in place before publishing. Built on
``reading``; imports nothing from ``editors``, the command line or the hook (``tests/test_layers.py``)."""
