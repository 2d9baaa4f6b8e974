#!/usr/bin/env python3
"""Briefing: turn the news articles in seeds/ into briefs and a searchable static site.

Run `python build_briefs.py --help` for the commands.
"""
import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())
