"""The `plan` command(s). (Being built.)"""
