"""The client and its typed resources: for asyncio in ``_async``, written by hand, and for
threads and plain scripts in ``_sync``, generated from it by ``scripts/generate_sync.py``."""
