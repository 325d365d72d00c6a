"""Tutoring sessions: a student and the AI tutor working through a case study."""
