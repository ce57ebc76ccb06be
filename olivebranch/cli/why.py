"""The `why` command. (Being built.)"""

from olivebranch.cli.app import app


@app.command()
def why(tactic: str) -> None:
    """Explain what the sources say about a TACTIC."""
    raise NotImplementedError
