"""The hostile corpus (issue 11): data files, documents, paths, outputs and streams an attacker controls.

Each file takes one policy across every command it touches, end to end
(in-process, or as a subprocess where the process itself matters: its
streams, its exit by signal, a FIFO that would hang it). Pure functions
behind the policies are tested with their modules in `tests/core` and
`tests/output`.
"""
