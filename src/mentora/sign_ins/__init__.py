"""Sign-ins: refresh-token families and their tokens; issuing, rotation and revocation.

Low in the layers, so that every domain that ends sign-ins (auth, users, tenants) can
reach them without reaching each other.
"""
