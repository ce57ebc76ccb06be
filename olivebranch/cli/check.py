"""The `check` command(s). (Being built.)"""
