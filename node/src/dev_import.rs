//! The import queue of a dev (manual-seal) node. Manual seal imports the blocks it seals
//! itself, without this queue, so the queue sees only blocks from elsewhere: files
//! (`import-blocks`), which it accepts, and peers, which it refuses. A dev node is the only
//! author of its chain; a peer on the same dev chain spec could otherwise feed it blocks.
use sc_consensus::{BlockImportParams, Verifier};
use sp_consensus::BlockOrigin;
use sp_runtime::traits::Block as BlockT;

/// Accepts blocks from files, refuses blocks from the network.
pub struct DevVerifier;

/// Whether a block from `origin` may enter a dev node's chain through the import queue.
pub fn accepts(origin: BlockOrigin) -> bool {
    !matches!(
        origin,
        BlockOrigin::NetworkInitialSync | BlockOrigin::NetworkBroadcast | BlockOrigin::ConsensusBroadcast
    )
}

#[async_trait::async_trait]
impl<B: BlockT> Verifier<B> for DevVerifier {
    async fn verify(&self, mut block: BlockImportParams<B>) -> Result<BlockImportParams<B>, String> {
        if !accepts(block.origin) {
            return Err(format!(
                "a dev node authors its own chain: block {} from a peer refused",
                block.post_hash()
            ));
        }
        block.finalized = false;
        block.fork_choice = Some(sc_consensus::ForkChoiceStrategy::LongestChain);
        Ok(block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_network_origins_and_accepts_files() {
        assert!(!accepts(BlockOrigin::NetworkInitialSync));
        assert!(!accepts(BlockOrigin::NetworkBroadcast));
        assert!(!accepts(BlockOrigin::ConsensusBroadcast));
        assert!(accepts(BlockOrigin::File));
        assert!(accepts(BlockOrigin::Own));
        assert!(accepts(BlockOrigin::Genesis));
    }
}
