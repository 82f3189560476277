-- The history's epoch, made when there is none.
return history(ARGV[2])
