use crate::{mock::*, *};

#[test]
fn genesis_creates_root_and_seeded_subnets() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .subnet(2, 20, 21, 500 * TAO)
        .build_and_execute(|| {
            assert!(NetworksAdded::<Test>::get(ROOT_NETUID));
            assert!(NetworksAdded::<Test>::get(1));
            assert!(NetworksAdded::<Test>::get(2));
            assert_eq!(TotalNetworks::<Test>::get(), 3);
            assert_eq!(SubnetTAO::<Test>::get(1), 1_000 * TAO);
            assert_eq!(SubnetAlphaIn::<Test>::get(2), 500 * TAO);
            assert_eq!(SubnetMechanism::<Test>::get(1), DYNAMIC_MECHANISM);
            assert_eq!(SubnetMechanism::<Test>::get(ROOT_NETUID), 0);
            assert_eq!(SubnetOwner::<Test>::get(1), Some(10));
            assert_eq!(SubnetOwnerHotkey::<Test>::get(2), Some(21));
            assert_eq!(Owner::<Test>::get(11), Some(10));
            assert_eq!(TotalStake::<Test>::get(), 1_500 * TAO);
            assert_eq!(TotalIssuance::<Test>::get(), 1_600 * TAO);
            assert_eq!(Tempo::<Test>::get(ROOT_NETUID), 100);
            assert_eq!(FirstEmissionBlockNumber::<Test>::get(1), Some(1));
        });
}
