"""English spellings pages may write otherwise (see `bot.glossary`). Lines "words: the words
pages use"."""

GLOSSARY = """
tumour: cancer tumor
"""
