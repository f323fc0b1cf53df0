"""``python -m bot``: the command-line front end."""

import sys

from bot.cli import main

sys.exit(main())
