"""Frequent English words: a message that uses them most is answered in English
(`knowledge.textnorm.language_of`)."""

DETECT = """the and of to in we you with for is are will your our this that be what how who
    where when which an i my at can could there have does do position vacancy salary apply
    requirements contact please thanks hello"""
