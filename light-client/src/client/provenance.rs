//! Provenance reads (ADR 0020): an item's records proven against the
//! header an audit holds, page by page, from whichever peer proves them.

use jifen_protocol::provenance::{ItemId, MAX_RECORDS};

use super::{ClientError, LightClient};
use crate::provenance::{ProvenRecords, RecordsError};
use crate::store::LightStore;
use crate::subchain::SubchainAudit;

/// Records asked per call.
pub const RECORDS_PAGE: u32 = 256;

impl<S: LightStore> LightClient<S> {
    /// Every record of `item` on the audited subchain, proven against the
    /// header `audit` holds at its tip (below the halt, for a halted
    /// subchain): the count, then the records in pages of
    /// [`RECORDS_PAGE`], all at one height.
    ///
    /// # Errors
    /// [`ClientError::SubchainHalted`] when the subchain halted at its
    /// first height, [`ClientError::NoPeer`] when no peer proves them
    /// (each peer that answered wrongly is demoted).
    pub fn provenance_records(
        &mut self,
        audit: &SubchainAudit,
        item: &ItemId,
    ) -> Result<ProvenRecords, ClientError> {
        let id = audit.subchain();
        let height = match audit.halted_at() {
            Some(halted) if halted <= 1 => {
                return Err(ClientError::SubchainHalted {
                    subchain: id,
                    height: halted,
                });
            }
            Some(halted) => audit.tip().height.min(halted - 1),
            None => audit.tip().height,
        };
        if audit.anchored(height).is_none() {
            return Err(ClientError::SubchainNotAudited {
                subchain: id,
                height,
            });
        }
        'peers: for index in self.peers().read_order() {
            if !self.peers().is_usable(index) {
                continue;
            }
            let mut all: Option<ProvenRecords> = None;
            loop {
                let from = all
                    .as_ref()
                    .map_or(0, |p| u32::try_from(p.records.len()).unwrap_or(u32::MAX));
                if all.as_ref().is_some_and(|p| from >= p.count) {
                    break;
                }
                let answer = match self.peer(index).provenance_records(
                    id,
                    item,
                    Some(height),
                    from,
                    RECORDS_PAGE,
                ) {
                    Ok(answer) => answer,
                    Err(error) => {
                        self.peer_error(index, &error);
                        continue 'peers;
                    }
                };
                let page = answer
                    .verify(audit, item, from, RECORDS_PAGE)
                    .and_then(|page| {
                        if answer.height != height {
                            return Err(RecordsError::State(
                                crate::subchain::SubchainStateError::WrongHeight {
                                    expected: height,
                                    got: answer.height,
                                },
                            ));
                        }
                        if page.count > MAX_RECORDS
                            || all.as_ref().is_some_and(|p| p.count != page.count)
                        {
                            return Err(RecordsError::BadCount);
                        }
                        Ok(page)
                    });
                match page {
                    Ok(page) => match all.as_mut() {
                        None => all = Some(page),
                        Some(all) => {
                            all.records.extend(page.records);
                            all.answers.extend(page.answers);
                        }
                    },
                    Err(error) => {
                        self.demote(index, "provenance-records-invalid", error.to_string());
                        continue 'peers;
                    }
                }
            }
            if let Some(all) = all {
                return Ok(all);
            }
        }
        Err(self.no_peer())
    }
}
