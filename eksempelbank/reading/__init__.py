"""Reading and checking one example: the format (``data/``), the file's YAML and body, every check
and its message, and the checked example (``model.Example``). Imports nothing from the layers above
(``website``, ``editors``, the command line, the hook; ``tests/test_layers.py``)."""
