"""The console's view of background jobs: status, history, and retrying dead ones."""
