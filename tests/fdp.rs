//! A Fiscal Data Package (tests/fixtures/fdp/: a descriptor of our own
//! making after the specification, over the figures of
//! world/es_municipal.csv with headers that say nothing): what the
//! descriptor states is what the report uses.
mod common;

use common::{fixture, totals};
use yesan::import::package::Descriptor;
use yesan::{ColumnKind, Options, Role};

fn descriptor() -> Descriptor {
    serde_json::from_slice(&fixture("fdp/datapackage.json")).unwrap()
}

#[test]
fn the_descriptor_names_the_measures_their_phases_currency_and_codes() {
    let package = descriptor();
    assert_eq!(package.first_path(), Some("presupuesto.csv"));
    let options = Options {
        package: Some(package),
        ..Options::default()
    };
    let report = yesan::analyze(&fixture("fdp/presupuesto.csv"), &options).unwrap();
    assert_eq!(
        totals(&report),
        [
            ("importe_1", Some("4115700")),
            ("importe_2", Some("2789525"))
        ]
    );
    let roles: Vec<(&str, Option<Role>)> = report
        .columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Amount)
        .map(|c| (c.name.as_str(), c.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("importe_1", Some(Role::Adopted)),
            ("importe_2", Some(Role::Executed))
        ]
    );
    assert_eq!(report.currency.as_deref(), Some("EUR"));
    // Ejercido ÷ Aprobado, the same as the Spanish file's own headers give.
    assert_eq!(
        report.execution.as_ref().and_then(|e| e.rate.as_deref()),
        Some("67.8")
    );
    let kinds: Vec<(&str, ColumnKind)> = report
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.kind))
        .collect();
    assert_eq!(kinds[0], ("anio", ColumnKind::Year));
    assert_eq!(kinds[1], ("org", ColumnKind::Code));
    assert_eq!(kinds[3], ("eco", ColumnKind::Code));
    assert!(report
        .warnings
        .iter()
        .any(|w| w.code == "fiscal_data_package"));
}

#[test]
fn without_the_descriptor_the_same_csv_has_no_roles_but_its_codes_are_still_codes() {
    let report = yesan::analyze(&fixture("fdp/presupuesto.csv"), &Options::default()).unwrap();
    assert_eq!(
        totals(&report),
        [
            ("importe_1", Some("4115700")),
            ("importe_2", Some("2789525"))
        ]
    );
    assert!(report.execution.is_none());
    // `eco` (120000000, always "Sueldos del grupo A") is read as codes.
    let eco = report.columns.iter().find(|c| c.name == "eco").unwrap();
    assert_eq!(eco.kind, ColumnKind::Code);
}

#[test]
fn a_zipped_package_reads_the_same() {
    let zip = common::zipped(&[
        (
            "municipio/datapackage.json",
            fixture("fdp/datapackage.json"),
        ),
        ("municipio/presupuesto.csv", fixture("fdp/presupuesto.csv")),
    ]);
    let report = yesan::analyze(&zip, &Options::default()).unwrap();
    assert_eq!(report.currency.as_deref(), Some("EUR"));
    assert_eq!(
        report.execution.as_ref().and_then(|e| e.rate.as_deref()),
        Some("67.8")
    );
    assert!(report
        .warnings
        .iter()
        .any(|w| w.code == "fiscal_data_package"));
}
