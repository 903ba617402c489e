//! `set_identity` and `clear_identity` against the reference's rules (deposits of 0.1 TAO per
//! identity and per extra field, held from the caller), our `CannotClear`, and the byte layout
//! of `Data` worked out from the reference's encoding rules.
use crate::{mock::*, Data, Error, Event, HoldReason, IdentityInfo, IdentityOf, Registration};
use codec::{Decode, Encode};
use frame_support::{
    assert_noop, assert_ok,
    traits::{fungible::InspectHold, ConstU32},
    BoundedVec,
};
use sp_runtime::TokenError;

type Info = IdentityInfo<ConstU32<1>>;
const DEPOSIT: u64 = 100_000_000;
const ONE_TAO: u64 = 1_000_000_000;

fn named(name: &str, extra: usize) -> Box<Info> {
    let additional = (0..extra).map(|i| (Data::raw(&[b'k', i as u8]).unwrap(), Data::raw(b"v").unwrap()));
    Box::new(IdentityInfo {
        display: Data::raw(name.as_bytes()).unwrap(),
        additional: BoundedVec::truncate_from(additional.collect()),
        ..Default::default()
    })
}

fn held(who: u64) -> u64 {
    Balances::balance_on_hold(&RuntimeHoldReason::Registry(HoldReason::RegistryIdentity), &who)
}

#[test]
fn set_identity_holds_the_deposit_and_stores_the_identity() {
    new_test_ext().execute_with(|| {
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(2), 2, named("two", 0)));
        assert_eq!(held(2), DEPOSIT);
        assert_eq!(Balances::free_balance(2), ONE_TAO - DEPOSIT);
        let stored = IdentityOf::<Test>::get(2).unwrap();
        assert_eq!(stored.deposit, DEPOSIT);
        assert_eq!(stored.info.display, Data::Raw(BoundedVec::truncate_from(b"two".to_vec())));
        System::assert_last_event(Event::IdentitySet { who: 2 }.into());
    });
}

#[test]
fn an_extra_field_costs_a_field_deposit_and_replacing_holds_or_releases_the_difference() {
    new_test_ext().execute_with(|| {
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(2), 2, named("two", 1)));
        assert_eq!(held(2), 2 * DEPOSIT);
        // Replacing it without the field releases one field deposit.
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(2), 2, named("deux", 0)));
        assert_eq!(held(2), DEPOSIT);
        assert_eq!(Balances::free_balance(2), ONE_TAO - DEPOSIT);
        // The same size again moves nothing.
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(2), 2, named("zwei", 0)));
        assert_eq!(held(2), DEPOSIT);
        assert_eq!(IdentityOf::<Test>::get(2).unwrap().info.display, Data::raw(b"zwei").unwrap());
    });
}

#[test]
fn a_coldkey_sets_and_clears_its_hotkeys_identity() {
    new_test_ext().execute_with(|| {
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(COLDKEY), HOTKEY, named("validator", 0)));
        assert_eq!(held(COLDKEY), DEPOSIT);
        assert_eq!(IdentityOf::<Test>::get(HOTKEY).unwrap().deposit, DEPOSIT);
        assert_ok!(Registry::clear_identity(RuntimeOrigin::signed(COLDKEY), HOTKEY));
        assert_eq!(held(COLDKEY), 0);
        assert_eq!(Balances::free_balance(COLDKEY), ONE_TAO);
        assert!(IdentityOf::<Test>::get(HOTKEY).is_none());
        System::assert_last_event(Event::IdentityDissolved { who: HOTKEY }.into());
    });
}

#[test]
fn who_may_not_register_changes_nothing() {
    new_test_ext().execute_with(|| {
        // 3 may set its own identity only; 2 is not the owner of 10.
        assert_noop!(Registry::set_identity(RuntimeOrigin::signed(3), 2, named("x", 0)), Error::<Test>::CannotRegister);
        assert_noop!(
            Registry::set_identity(RuntimeOrigin::signed(2), HOTKEY, named("x", 0)),
            Error::<Test>::CannotRegister
        );
        // 100 may not set even its own.
        assert_noop!(Registry::set_identity(RuntimeOrigin::signed(100), 100, named("x", 0)), Error::<Test>::CannotRegister);
    });
}

#[test]
fn too_little_free_balance_for_the_deposit_changes_nothing() {
    new_test_ext().execute_with(|| {
        assert_noop!(Registry::set_identity(RuntimeOrigin::signed(4), 4, named("four", 0)), TokenError::FundsUnavailable);
        assert_eq!(Balances::free_balance(4), 50_000_000);
    });
}

#[test]
fn clearing_an_identity_that_does_not_exist_is_not_registered() {
    new_test_ext().execute_with(|| {
        assert_noop!(Registry::clear_identity(RuntimeOrigin::signed(2), 2), Error::<Test>::NotRegistered);
    });
}

#[test]
fn a_stranger_cannot_clear_an_identity() {
    // The reference would let 3 erase 2's identity and leave 2's deposit held for good.
    new_test_ext().execute_with(|| {
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(2), 2, named("two", 0)));
        assert_noop!(Registry::clear_identity(RuntimeOrigin::signed(3), 2), Error::<Test>::CannotClear);
        assert_eq!(held(2), DEPOSIT);
        assert_ok!(Registry::clear_identity(RuntimeOrigin::signed(2), 2));
        assert_eq!(held(2), 0);
        assert_eq!(Balances::free_balance(2), ONE_TAO);
    });
}

#[test]
fn a_second_extra_field_does_not_decode() {
    // The call argument is bounded: two extra fields are refused when the call is decoded.
    let two: Vec<(Data, Data)> = vec![(Data::None, Data::None), (Data::None, Data::None)];
    let mut bytes = two.encode();
    bytes.extend(Info::default().encode()[1..].iter());
    assert!(Info::decode(&mut &bytes[..]).is_err());
    let one: Vec<(Data, Data)> = vec![(Data::None, Data::None)];
    let mut bytes = one.encode();
    bytes.extend(Info::default().encode()[1..].iter());
    assert_eq!(Info::decode(&mut &bytes[..]).unwrap().additional.len(), 1);
}

#[test]
fn data_encodes_a_leading_byte_then_the_value() {
    assert_eq!(Data::None.encode(), vec![0]);
    assert_eq!(Data::raw(b"").unwrap().encode(), vec![1]);
    assert_eq!(Data::raw(b"abc").unwrap().encode(), vec![4, b'a', b'b', b'c']);
    let long = [7u8; 64];
    let encoded = Data::raw(&long).unwrap().encode();
    assert_eq!(encoded[0], 65);
    assert_eq!(&encoded[1..], &long[..]);
    assert!(Data::raw(&[0u8; 65]).is_none());
    for (data, tag) in [
        (Data::BlakeTwo256([9; 32]), 66u8),
        (Data::Sha256([9; 32]), 67),
        (Data::Keccak256([9; 32]), 68),
        (Data::ShaThree256([9; 32]), 69),
    ] {
        let encoded = data.encode();
        assert_eq!((encoded[0], encoded.len()), (tag, 33));
        assert_eq!(Data::decode(&mut &encoded[..]).unwrap(), data);
    }
    assert_eq!(Data::decode(&mut &[4u8, b'a', b'b', b'c'][..]).unwrap(), Data::raw(b"abc").unwrap());
    assert!(Data::decode(&mut &[70u8][..]).is_err());
    // A raw value cut short is an error, not a shorter value.
    assert!(Data::decode(&mut &[4u8, b'a'][..]).is_err());
}

#[test]
fn data_type_info_lists_each_leading_byte_as_a_variant_of_its_length() {
    use scale_info::{PortableRegistry, Registry as Types, TypeDef};
    let mut types = Types::new();
    let id = types.register_type(&scale_info::meta_type::<Data>()).id;
    let types: PortableRegistry = types.into();
    let TypeDef::Variant(variants) = &types.resolve(id).unwrap().type_def else { panic!("Data is an enum") };
    assert_eq!(variants.variants.len(), 1 + 65 + 4);
    for v in &variants.variants {
        let len = match v.fields.first() {
            None => 0,
            Some(f) => match &types.resolve(f.ty.id).unwrap().type_def {
                TypeDef::Array(a) => a.len,
                other => panic!("{} holds {other:?}", v.name),
            },
        };
        let expected = match v.name.as_str() {
            "None" => (0, 0),
            "BlakeTwo256" => (66, 32),
            "Sha256" => (67, 32),
            "Keccak256" => (68, 32),
            "ShaThree256" => (69, 32),
            raw => {
                let n: u32 = raw.strip_prefix("Raw").unwrap().parse().unwrap();
                (n as u8 + 1, n)
            }
        };
        assert_eq!((v.index, len), expected, "{}", v.name);
    }
    assert_eq!(types.resolve(id).unwrap().path.segments, ["pallet_registry", "types", "Data"]);
}

#[test]
fn a_registration_shorter_than_its_type_decodes_with_empty_fields() {
    let deposit_only = 5u64.encode();
    let decoded = Registration::<u64, ConstU32<1>>::decode(&mut &deposit_only[..]).unwrap();
    assert_eq!(decoded.deposit, 5);
    assert_eq!(decoded.info, Info::default());
}
