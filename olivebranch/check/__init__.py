"""The draft check (SPEC 5): what in a message may push them away, what is good in it.

``check(text)`` is the one entry point; see :mod:`olivebranch.check.pipeline`.
The learned model loads on the first call, never at import.
"""

from olivebranch.check.codes import FLAGS, STRENGTHS
from olivebranch.check.pipeline import check, verdict_for
from olivebranch.check.result import CheckResult, Flag

__all__ = ["check", "verdict_for", "CheckResult", "Flag", "FLAGS", "STRENGTHS"]
