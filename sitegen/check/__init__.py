"""`sitegen check`: what a build finds, and more, worded for the editor who has to fix it."""
