"""``python -m khabar.text [--OPTION=VALUE ...]``: :func:`khabar.text.fix.main`, fix stdin to stdout.

The command line of ``khabar.text.fix``, in a module that is never compiled: Python runs a
``.py`` with ``-m``, not a compiled extension (``python -m khabar.text.fix`` works only pure).
"""

from khabar.text.fix import main

raise SystemExit(main())
