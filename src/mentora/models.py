"""Every domain's tables, imported so that ``Base.metadata`` is complete (migrations, tests)."""
