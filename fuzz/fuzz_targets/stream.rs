//! A CSV or TSV read as a stream in odd chunkings gives the same budget as
//! the same stream read in one go.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::io::Read;

/// Hands out the input in chunks of the given sizes, over and over.
struct Chunks<'a> {
    data: &'a [u8],
    sizes: &'a [u8],
    at: usize,
}

impl Read for Chunks<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = usize::from(self.sizes[self.at % self.sizes.len()] % 7 + 1);
        self.at += 1;
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn summary(budget: Result<yesan::Budget, yesan::Error>) -> Result<String, String> {
    let options = yesan::Options::default();
    match budget.and_then(|b| b.report(&options)) {
        Ok(report) => Ok(format!(
            "{:?} {} {:?}",
            report.totals, report.rows, report.warnings
        )),
        Err(error) => Err(format!(
            "{} {:?} {:?}",
            error.code(),
            error.row(),
            error.column()
        )),
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&n, rest)) = input.split_first() else {
        return;
    };
    let (sizes, data) = rest.split_at(usize::from(n % 8).min(rest.len()));
    let sizes = if sizes.is_empty() { &[3u8][..] } else { sizes };
    let options = yesan::Options::default();
    let whole = summary(yesan::Budget::read_stream(data, &options));
    let chunked = summary(yesan::Budget::read_stream(
        Chunks { data, sizes, at: 0 },
        &options,
    ));
    assert_eq!(whole, chunked);
});
