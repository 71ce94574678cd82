// Package entity finds named-entity mentions (PERSON, ORG, GPE, LOC, NORP) and
// groups them into entities with one canonical name, aliases and roles.
package entity

import "newsgraph/doc"

// Recognizer finds entity mentions in a tokenised, sentence-split document.
// It returns the mentions in text order, with Entity set to -1; linking them
// into entities is Resolve's job, so recognisers stay interchangeable.
type Recognizer interface {
	Recognize(d *doc.Document) []doc.Mention
}
