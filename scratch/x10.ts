import path from 'node:path';
import { writeRepeatedDeck } from '../bench/lib.ts';
writeRepeatedDeck(path.resolve('decks/rust-in-kernel'), '/tmp/x10/rust-in-kernel-x10', 10);
