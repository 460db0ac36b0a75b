# bash completion for tact
_tact()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-f|--input-format) COMPREPLY=($(compgen -W "auto text transcript jsonl csv mbox eml" -- "$cur")); return ;;
	-o|--format) COMPREPLY=($(compgen -W "jsonl text tsv summary html" -- "$cur")); return ;;
	--role) COMPREPLY=($(compgen -W "customer agent unknown" -- "$cur")); return ;;
	--color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--fail-on) COMPREPLY=($(compgen -W "low medium high critical derogatory escalation agent apology.conditional" -- "$cur")); return ;;
	--lexicons|--cache-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-c|--config|--dict-extra) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--id-field|--role-field|--text-field|--thread-field|--customer-name|--agent-name|--agent-domain|\
	--agent-address|--max-message-bytes|--lang|--dict|-j|--jobs) return ;;
	esac
	if [ "$COMP_CWORD" = 1 ] && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "check serve lexicon report" -- "$cur") $(compgen -f -- "$cur"))
		return
	fi
	if [ "$prev" = lexicon ]; then
		COMPREPLY=($(compgen -W "lint test allowlist words" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "--input-format --format --role --id-field --role-field --text-field
			--thread-field --customer-name --agent-name --agent-domain --agent-address --max-message-bytes
			--lexicons --no-default-lexicons --lang --cache-dir --no-cache --spell --no-suggest --dict --dict-extra --color --text --own-text
			--summary --fail-on --line-buffered --jobs --quiet --config --help --version" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _tact -o filenames tact
