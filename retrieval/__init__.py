"""Referat retrieval: answers a question with cited passages from the index."""
