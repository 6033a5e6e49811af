use super::*;

fn descriptor(json: &str) -> Descriptor {
    serde_json::from_str(json).unwrap()
}

#[test]
fn phases_factors_and_codes_become_column_corrections() {
    let d = descriptor(
        r#"{"name": "x", "resources": [{"path": "b.csv"}], "model": {
          "measures": {"amount": {"source": "Importe", "currency": "eur", "factor": 1000, "phase": "executed"}},
          "dimensions": {"admin": {"dimensionType": "classification",
            "attributes": {"code": {"source": "Cod"}, "label": {"source": "Nombre", "labelfor": "code"}}},
            "date": {"dimensionType": "datetime", "attributes": {"year": {"source": "Ejercicio"}}}}}}"#,
    );
    let options = Options {
        package: Some(d),
        ..Options::default()
    };
    let resolved = apply(&options).unwrap();
    let amount = &resolved.columns["Importe"];
    assert_eq!(
        (amount.kind, amount.role, amount.unit),
        (
            Some(ColumnKind::Amount),
            Some(Some(Role::Executed)),
            Some(Unit::Thousand)
        )
    );
    assert_eq!(resolved.columns["Cod"].kind, Some(ColumnKind::Code));
    assert_eq!(resolved.columns["Nombre"].kind, Some(ColumnKind::Dimension));
    assert_eq!(resolved.columns["Ejercicio"].kind, Some(ColumnKind::Year));
    assert_eq!(resolved.currency.as_deref(), Some("EUR"));
    assert!(resolved.package.is_none());
}

#[test]
fn a_package_without_a_model_or_with_an_odd_factor_is_an_option_error() {
    for json in [
        r#"{"resources": []}"#,
        r#"{"model": {"measures": {"a": {"source": "A", "factor": 7}}}}"#,
    ] {
        let options = Options {
            package: Some(descriptor(json)),
            ..Options::default()
        };
        assert_eq!(
            apply(&options).unwrap_err().code(),
            "invalid_option",
            "{json}"
        );
    }
}
