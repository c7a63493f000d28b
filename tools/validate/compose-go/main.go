// Loads a compose file the way `docker compose config` does (compose-go: interpolation, the
// compose-spec schema, extends/merge keys, normalisation and consistency checks such as unknown
// depends_on targets), without a Docker engine. Used by tools/validate/docker when Go is present.
//
//	go run . FILE [PROFILE...]     ("*" enables every profile)
package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-go FILE [PROFILE...]")
		os.Exit(2)
	}
	opts, err := cli.NewProjectOptions(
		[]string{os.Args[1]},
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithProfiles(os.Args[2:]),
		cli.WithConsistency(true),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	names := project.ServiceNames()
	sort.Strings(names)
	fmt.Printf("project %s, profiles %v: %d services %v\n", project.Name, os.Args[2:], len(names), names)
}
