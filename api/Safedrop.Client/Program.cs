// The `safedrop` command-line tool; verbs land with the client library.
return 0;
