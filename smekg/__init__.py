"""smekg: a knowledge graph of the Korean SME-innovation policy ecosystem."""
