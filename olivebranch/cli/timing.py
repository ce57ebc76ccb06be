"""The `timing` command(s). (Being built.)"""
