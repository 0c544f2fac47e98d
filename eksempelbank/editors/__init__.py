"""The editors' tools behind the command line: a new example from the template, the GitHub issue
form, the pull request's job summary, examples due for review, the list of external links. Built on
``reading`` and ``website``; imports nothing from the command line or the hook (``tests/test_layers.py``)."""
