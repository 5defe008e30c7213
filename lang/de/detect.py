"""Frequent German words: a message that uses them most is answered in German
(`knowledge.textnorm.language_of`)."""

DETECT = """der die das und ein eine wir sie mit fur ist sind ihre zu bei auch was wie wer wo
    wann welche ich du mein gibt es stelle stellen gehalt bewerben bewerbung voraussetzungen
    ansprechpartner noch danke muss darf nicht kein"""
