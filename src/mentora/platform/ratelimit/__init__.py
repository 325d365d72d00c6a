"""Rate limits and quotas, on the ``limits`` library (moving windows).

In-process storage for the embedded default; Redis when ``MENTORA_REDIS_URL`` is set,
so a limit holds for the whole deployment rather than per worker. Keys always include
the tenant.
"""

from mentora.platform.ratelimit.limiter import STATE_KEY, RateLimiter, RateLimitState
from mentora.platform.ratelimit.policies import Policy, PolicyName, policy_from_string

__all__ = ["STATE_KEY", "Policy", "PolicyName", "RateLimitState", "RateLimiter", "policy_from_string"]
