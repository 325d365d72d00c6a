"""Grades: the AI's assessment of an ended session against the rubric, and its publication to the LMS."""
