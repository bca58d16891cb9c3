"""Step pages, built from the task definition."""
