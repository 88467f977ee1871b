package dev.outdial.compliance;

import org.springframework.stereotype.Service;

/**
 * Numbers registered with the network operator's Do-Not-Call service (SPEC §2), imported from the
 * operator's files; never called, whatever a campaign says.
 */
@Service
public class DncRegistry extends NumberList {

    DncRegistry(BlockedNumbers numbers) {
        super(numbers, BlockKind.DNC);
    }
}
