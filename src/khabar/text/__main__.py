"""``python -m khabar.text [--OPTION=VALUE ...]``: the same as ``python -m khabar.text.fix``."""

from khabar.text.fix import main

raise SystemExit(main())
