"""After the build: what a deploy changes on the host, and the guards that keep published addresses and feeds alive."""
