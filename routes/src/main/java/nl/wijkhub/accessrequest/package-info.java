/**
 * The privacy officer's (functionaris gegevensbescherming) work: answering a resident's access request (AVG art. 15)
 * from a BSN, by API ({@code /api/v1/privacy/**}) and page ({@code /privacy/**}), and exporting the register of
 * processing activities (AVG art. 30). The BSN only ever travels in a POST body and is turned into the covenants'
 * pseudonyms at once; what is listed comes from the processing log, which holds pseudonyms only, so the answer
 * outlives the crypto-shredding of the signals themselves. Every look-up is logged before it is answered.
 */
package nl.wijkhub.accessrequest;
