"""olivebranch: a private, local-first coach for reopening a conversation.

The core (playbook, assessment, plan, timing, check, signals) is plain Python
with no CLI or web framework inside; :mod:`olivebranch.cli` is a thin layer on
top of it.
"""

__version__ = "0.1.0"
