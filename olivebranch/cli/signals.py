"""The `signals` command(s). (Being built.)"""
