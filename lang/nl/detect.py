"""Frequent Dutch words: a message that uses them most is answered in Dutch
(`knowledge.textnorm.language_of`)."""

DETECT = """de het een en van je wij we voor met is zijn jouw onze bij als ook wat hoe wie waar
    wanneer welke ik mijn kan kun graag vacature vacatures salaris verdien solliciteren eisen
    nog bedankt hallo moet mag heb niet geen"""
