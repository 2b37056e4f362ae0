module github.com/cloudthreats/threatlandscape

go 1.25.0

require github.com/oasdiff/yaml3 v0.0.16

require github.com/google/go-cmp v0.7.0 // indirect
