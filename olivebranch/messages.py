"""User-facing text that is not advice: one catalogue, so the tone stays kind.

Advice itself lives with its sources in ``olivebranch/data`` (the playbook).
Keep every line warm, plain and short; never shaming, never clinical, never
promising that someone will come back. Each area has its own section.
"""

# --- general -----------------------------------------------------------------
PRIVATE = "Everything stays on this computer. Nothing is sent anywhere."
STOPPED = "Stopped. Nothing was saved."

# --- plan and assessment -------------------------------------------------------

# --- timing --------------------------------------------------------------------

# --- why -----------------------------------------------------------------------

# --- check ---------------------------------------------------------------------

# --- signals -------------------------------------------------------------------
