"""Referat indexer: reads minutes into meetings, agenda items, sections and passages,
and builds the hybrid (FAISS + Danish BM25) index on disk."""
