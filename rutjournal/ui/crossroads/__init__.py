"""The Crossroads section: the monthly check-in, the signals, and the stay / push / leave verdict."""
